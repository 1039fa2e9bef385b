/*
 * The KIP request form (progressive enhancement; the form works without it):
 * the "how to receive the copy" choices show only when a copy is wanted, and the
 * identity number brings up the number pad for a NIK and letters otherwise.
 */
(function () {
    "use strict";

    function initIdentityNumber(form) {
        var kind = form.querySelector('select[name="jenis_identitas"]');
        var number = form.querySelector("[data-identity-number]");
        if (!kind || !number) {
            return;
        }
        function update() {
            number.setAttribute("inputmode", kind.value === "ktp" ? "numeric" : "text");
        }
        kind.addEventListener("change", update);
        update();
    }

    function init(form) {
        initIdentityNumber(form);
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
