/*
 * Collapsible main navigation for small screens (progressive enhancement).
 *
 * Loaded synchronously in <head>: it marks <html> with the "js" class before the first
 * paint, so the stylesheet hides the menu behind the "Menu" button only when this script
 * runs. Without JavaScript the menu simply stays visible.
 */
(function () {
    "use strict";

    document.documentElement.classList.add("js");

    function init() {
        var button = document.querySelector("[data-menu-toggle]");
        if (!button) {
            return;
        }
        var menu = document.getElementById(button.getAttribute("aria-controls"));
        if (!menu) {
            return;
        }

        function isOpen() {
            return button.getAttribute("aria-expanded") === "true";
        }

        function setOpen(open) {
            button.setAttribute("aria-expanded", open ? "true" : "false");
            menu.classList.toggle("is-open", open);
        }

        setOpen(false);

        button.addEventListener("click", function () {
            setOpen(!isOpen());
        });

        // Escape closes the open menu and returns focus to its button.
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && isOpen()) {
                setOpen(false);
                button.focus();
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
