/*
 * The confirmation page's copy button and print button (progressive enhancement).
 *
 * Without JavaScript both stay hidden: the secret link is a read-only text field the
 * citizen can select and copy, and the browser prints the page as usual. With it,
 * "Salin tautan" copies the field's value and says so in a status line; where the
 * Clipboard API is refused, the link is selected and the line says to copy it.
 */
(function () {
    "use strict";

    function say(targetId, text) {
        var feedback = document.querySelector('[data-copy-feedback="' + targetId + '"]');
        if (feedback) {
            feedback.textContent = text;
        }
    }

    function copyFallback(field) {
        field.focus();
        field.select();
        try {
            return document.execCommand("copy");
        } catch (error) {
            return false;
        }
    }

    function initCopy(button) {
        var targetId = button.getAttribute("data-copy-target");
        var field = document.getElementById(targetId);
        if (!field) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            var copied = button.getAttribute("data-copied-text");
            var failed = button.getAttribute("data-failed-text");
            if (navigator.clipboard && window.isSecureContext) {
                navigator.clipboard.writeText(field.value).then(
                    function () {
                        say(targetId, copied);
                    },
                    function () {
                        say(targetId, copyFallback(field) ? copied : failed);
                    }
                );
            } else {
                say(targetId, copyFallback(field) ? copied : failed);
            }
        });
    }

    function init() {
        Array.prototype.forEach.call(
            document.querySelectorAll("[data-copy-target]"),
            initCopy
        );
        Array.prototype.forEach.call(
            document.querySelectorAll("[data-print]"),
            function (button) {
                button.hidden = false;
                button.addEventListener("click", function () {
                    window.print();
                });
            }
        );
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
