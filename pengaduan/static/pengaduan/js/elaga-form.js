/*
 * The e-laga report form (progressive enhancement; the form works without it):
 * - shows the chosen category's guidance above the full guidance list;
 * - narrows the desa/kelurahan select to the chosen kecamatan.
 */
(function () {
    "use strict";

    function initGuidance(form) {
        var select = form.querySelector("[data-kategori-select]");
        var box = form.querySelector("[data-guidance-current]");
        if (!select || !box) {
            return;
        }
        function show() {
            var item = select.value
                ? form.querySelector('[data-guidance-item="' + CSS.escape(select.value) + '"]')
                : null;
            box.textContent = "";
            if (!item) {
                box.hidden = true;
                return;
            }
            var heading = document.createElement("p");
            var strong = document.createElement("strong");
            strong.textContent = "Panduan: " + item.querySelector("dt").textContent;
            heading.appendChild(strong);
            box.appendChild(heading);
            item.querySelectorAll("dd").forEach(function (dd) {
                var paragraph = document.createElement("p");
                paragraph.innerHTML = dd.innerHTML;
                box.appendChild(paragraph);
            });
            box.hidden = false;
        }
        select.addEventListener("change", show);
        show();
    }

    function initDesa(form) {
        var kecamatan = form.querySelector("[data-kecamatan-select]");
        var desa = form.querySelector("[data-desa-select]");
        if (!kecamatan || !desa) {
            return;
        }
        var groups = Array.prototype.slice.call(desa.querySelectorAll("optgroup")).map(
            function (group) {
                return group.cloneNode(true);
            }
        );
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

    function init() {
        var form = document.querySelector(".service-form");
        if (form) {
            initGuidance(form);
            initDesa(form);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
