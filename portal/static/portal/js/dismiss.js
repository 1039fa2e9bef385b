/*
 * Closable serta-merta announcements (progressive enhancement).
 *
 * Each [data-dismissible] item names a key that changes when the announcement is
 * published again; a closed key is remembered in localStorage, so the reader does not
 * see that version again in this browser. Loaded right after the banner (not
 * deferred), so a closed announcement is hidden before the rest of the page paints.
 * Without JavaScript (or storage) every announcement stays visible.
 */
(function () {
    "use strict";

    var PREFIX = "portal-langkat:ditutup:";

    function remembered(key) {
        try {
            return window.localStorage.getItem(PREFIX + key) === "1";
        } catch (error) {
            return false;
        }
    }

    function remember(key) {
        try {
            window.localStorage.setItem(PREFIX + key, "1");
            return true;
        } catch (error) {
            return false;
        }
    }

    function hideEmptyRegions() {
        document.querySelectorAll("[data-dismiss-region]").forEach(function (region) {
            var open = region.querySelectorAll("[data-dismissible]:not([hidden])");
            region.hidden = open.length === 0;
        });
    }

    document.querySelectorAll("[data-dismissible]").forEach(function (item) {
        var key = item.getAttribute("data-dismissible");
        var button = item.querySelector("[data-dismiss]");
        if (remembered(key)) {
            item.hidden = true;
            return;
        }
        if (!button) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            remember(key);
            item.hidden = true;
            hideEmptyRegions();
            var main = document.getElementById("konten-utama");
            if (main) {
                main.focus();
            }
        });
    });
    hideEmptyRegions();
})();
