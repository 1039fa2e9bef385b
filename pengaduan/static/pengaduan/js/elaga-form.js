/*
 * The e-laga report form (progressive enhancement; the form works without it):
 * shows the chosen category's guidance above the full guidance list. The
 * kecamatan→desa picker is the shared one of portal/js/forms.js.
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

    function init() {
        var form = document.querySelector(".service-form");
        if (form) {
            initGuidance(form);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
