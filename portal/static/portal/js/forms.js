/*
 * Public forms that help (progressive enhancement; every form works without it).
 *
 * On every form in <main>:
 * - the desa select ([data-desa-select]) shows only the desa of the chosen
 *   kecamatan ([data-kecamatan-select]);
 * - a text with [data-max-chars] shows a character counter (the server reports an
 *   overflow; nothing is cut);
 * - a file input with [data-max-bytes] / [accept] refuses a file that is too large
 *   or of the wrong type beside the field, and the form is not sent while it does;
 * - the submit button is disabled while sending; a form with files is sent with a
 *   progress bar, and the answer replaces the page as a normal submission would.
 *   (XMLHttpRequest follows a redirect itself: the page it ends on is shown, under
 *   its address, so a one-time message is not lost to a second request.)
 *
 * The Indonesian texts come from the data-* attributes of this script's own tag,
 * rendered by portal/includes/form_script.html through gettext.
 */
(function () {
    "use strict";

    var script = document.currentScript;

    function text(name, values) {
        var message = (script && script.getAttribute("data-" + name)) || "";
        Object.keys(values || {}).forEach(function (key) {
            message = message.split("%(" + key + ")s").join(values[key]);
        });
        return message;
    }

    function formatBytes(bytes) {
        var units = ["bytes", "KB", "MB", "GB"];
        var value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit += 1;
        }
        var rounded = unit === 0 ? String(value) : value.toFixed(1).replace(".", ",");
        return rounded.replace(/,0$/, "") + " " + units[unit];
    }

    function formatNumber(number) {
        return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    }

    /* A message element beside a field, created once, linked by aria-describedby. */
    function messageFor(input, kind) {
        var id = (input.id || input.name) + "_" + kind;
        var element = document.getElementById(id);
        if (!element) {
            element = document.createElement("span");
            element.id = id;
            element.className = "form-hint form-hint--" + kind;
            element.setAttribute("aria-live", "polite");
            input.insertAdjacentElement("afterend", element);
            var described = input.getAttribute("aria-describedby");
            input.setAttribute("aria-describedby", described ? described + " " + id : id);
        }
        return element;
    }

    // ---------- kecamatan -> desa ----------

    function initDesa(form) {
        var kecamatan = form.querySelector("[data-kecamatan-select]");
        var desa = form.querySelector("[data-desa-select]");
        if (!kecamatan || !desa) {
            return;
        }
        var groups = Array.prototype.map.call(desa.querySelectorAll("optgroup"), function (group) {
            return group.cloneNode(true);
        });
        function groupSlug(group) {
            var option = group.querySelector("option[data-kecamatan]");
            return option ? option.getAttribute("data-kecamatan") : "";
        }
        function narrow() {
            var chosen = desa.value;
            desa.querySelectorAll("optgroup").forEach(function (group) {
                group.remove();
            });
            groups.forEach(function (group) {
                if (!kecamatan.value || groupSlug(group) === kecamatan.value) {
                    desa.appendChild(group.cloneNode(true));
                }
            });
            desa.value = chosen;
            if (desa.value !== chosen) {
                desa.value = "";
            }
        }
        kecamatan.addEventListener("change", narrow);
        narrow();
    }

    // ---------- character counters ----------

    function initCounter(input) {
        var max = parseInt(input.getAttribute("data-max-chars"), 10);
        if (!max) {
            return;
        }
        var isTextarea = input.tagName === "TEXTAREA";
        function update() {
            var count = input.value.length;
            var over = count - max;
            if (!isTextarea && over <= 0) {
                var quiet = document.getElementById((input.id || input.name) + "_count");
                if (quiet) {
                    quiet.textContent = "";
                }
                return;
            }
            var element = messageFor(input, "count");
            element.classList.toggle("form-hint--over", over > 0);
            element.textContent = over > 0
                ? text("chars-over", {over: formatNumber(over), max: formatNumber(max)})
                : text("chars", {count: formatNumber(count), max: formatNumber(max)});
        }
        input.addEventListener("input", update);
        update();
    }

    // ---------- files ----------

    function accepted(file, accept) {
        if (!accept) {
            return true;
        }
        var name = file.name.toLowerCase();
        var type = (file.type || "").toLowerCase();
        return accept.split(",").some(function (item) {
            var rule = item.trim().toLowerCase();
            if (!rule) {
                return false;
            }
            if (rule.charAt(0) === ".") {
                return name.slice(-rule.length) === rule;
            }
            if (rule.slice(-2) === "/*") {
                return type.indexOf(rule.slice(0, -1)) === 0;
            }
            return type === rule;
        });
    }

    /* The problems of the files chosen in ``input`` (an empty list when none). */
    function fileProblems(input) {
        var maxBytes = parseInt(input.getAttribute("data-max-bytes"), 10);
        var accept = input.getAttribute("accept");
        var problems = [];
        Array.prototype.forEach.call(input.files || [], function (file) {
            if (maxBytes && file.size > maxBytes) {
                problems.push(text("file-too-large", {
                    name: file.name, size: formatBytes(file.size), max: formatBytes(maxBytes)
                }));
            } else if (!accepted(file, accept)) {
                problems.push(text("file-type", {name: file.name}));
            }
        });
        return problems;
    }

    function checkFiles(input) {
        var problems = fileProblems(input);
        var element = messageFor(input, "file");
        element.classList.toggle("form-hint--error", problems.length > 0);
        element.textContent = problems.join(" ");
        if (problems.length) {
            input.setAttribute("aria-invalid", "true");
        } else if (!input.closest(".form-field--error")) {
            input.removeAttribute("aria-invalid");
        }
        return problems.length === 0;
    }

    // ---------- sending ----------

    function setSending(form, sending) {
        form.setAttribute("aria-busy", sending ? "true" : "false");
        form.querySelectorAll('button[type="submit"], input[type="submit"]').forEach(function (button) {
            button.disabled = sending;
        });
    }

    function progressFor(form) {
        var box = form.querySelector(".form-progress");
        if (!box) {
            box = document.createElement("div");
            box.className = "form-progress";
            box.setAttribute("role", "status");
            var label = document.createElement("span");
            label.className = "form-progress__label";
            var bar = document.createElement("progress");
            bar.max = 100;
            bar.value = 0;
            box.appendChild(label);
            box.appendChild(bar);
            var submit = form.querySelector('button[type="submit"], input[type="submit"]');
            (submit || form.lastElementChild).insertAdjacentElement("afterend", box);
        }
        box.hidden = false;
        return box;
    }

    /* The answer to a form sent in the background replaces the page, as a normal
     * submission would: the page the server answered with (the next page after a
     * redirect, with its one-time messages, or the form with its errors) is shown
     * with its own scripts run again, under its own address. */
    function showAnswer(xhr) {
        var address = xhr.responseURL;
        document.open();
        document.write(xhr.responseText);
        document.close();
        if (address && address !== window.location.href) {
            window.history.replaceState(null, "", address);
        }
        var summary = document.getElementById("ringkasan-kesalahan");
        if (summary) {
            summary.focus();
        }
    }

    function sendWithProgress(form, submitter) {
        var data = new FormData(form);
        if (submitter && submitter.name) {
            data.append(submitter.name, submitter.value);
        }
        var action = form.action || window.location.href;
        var box = progressFor(form);
        var label = box.querySelector(".form-progress__label");
        var bar = box.querySelector("progress");
        label.textContent = text("sending", {percent: "0%"});
        var xhr = new XMLHttpRequest();
        xhr.open("POST", action);
        xhr.upload.addEventListener("progress", function (event) {
            if (event.lengthComputable) {
                var percent = Math.round((event.loaded / event.total) * 100);
                bar.value = percent;
                label.textContent = text("sending", {percent: percent + "%"});
            }
        });
        xhr.addEventListener("load", function () {
            showAnswer(xhr);
        });
        xhr.addEventListener("error", function () {
            label.textContent = text("send-failed");
            setSending(form, false);
        });
        xhr.send(data);
    }

    function hasChosenFiles(form) {
        return Array.prototype.some.call(form.querySelectorAll('input[type="file"]'), function (input) {
            return input.files && input.files.length > 0;
        });
    }

    function initSubmit(form) {
        form.addEventListener("submit", function (event) {
            if (form.getAttribute("aria-busy") === "true") {
                event.preventDefault();
                return;
            }
            var refused = Array.prototype.filter.call(
                form.querySelectorAll('input[type="file"][data-max-bytes], input[type="file"][accept]'),
                function (input) {
                    return !checkFiles(input);
                }
            );
            if (refused.length) {
                event.preventDefault();
                refused[0].focus();
                return;
            }
            var method = (form.getAttribute("method") || "get").toLowerCase();
            if (method !== "post") {
                return;
            }
            var submitter = event.submitter;
            if (hasChosenFiles(form) && window.FormData && window.DOMParser) {
                event.preventDefault();
                setSending(form, true);
                sendWithProgress(form, submitter);
                return;
            }
            // Disabled after the browser has read the submitter's name and value.
            window.setTimeout(function () {
                setSending(form, true);
            }, 0);
        });
    }

    function initForm(form) {
        if (form.hasAttribute("data-enhanced")) {
            return;
        }
        form.setAttribute("data-enhanced", "");
        initDesa(form);
        form.querySelectorAll("[data-max-chars]").forEach(initCounter);
        form.querySelectorAll('input[type="file"]').forEach(function (input) {
            input.addEventListener("change", function () {
                checkFiles(input);
            });
        });
        initSubmit(form);
    }

    function init() {
        document.querySelectorAll("main form").forEach(initForm);
    }

    // Back from the next page (back/forward cache): the form may be sent again.
    window.addEventListener("pageshow", function (event) {
        if (event.persisted) {
            document.querySelectorAll("form[aria-busy='true']").forEach(function (form) {
                setSending(form, false);
            });
        }
    });

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
