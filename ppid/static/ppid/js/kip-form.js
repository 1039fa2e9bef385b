/*
 * The KIP request form (progressive enhancement; the form works without it):
 * the "how to receive the copy" choices show only when a copy is wanted.
 */
(function () {
    "use strict";

    function init(form) {
        var delivery = form.querySelector("[data-kip-delivery]");
        var ways = form.querySelectorAll('input[name="cara_memperoleh"]');
        if (!delivery || !ways.length) {
            return;
        }
        function update() {
            var chosen = form.querySelector('input[name="cara_memperoleh"]:checked');
            delivery.hidden = !(chosen && chosen.value === "salinan");
        }
        ways.forEach(function (input) {
            input.addEventListener("change", update);
        });
        update();
    }

    document.querySelectorAll("[data-kip-form]").forEach(init);
})();
