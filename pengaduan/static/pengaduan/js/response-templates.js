/*
 * Response templates on the e-laga processing forms of the admin
 * (pengaduan.admin_forms.ResponseTemplateSelect): choosing a template inserts its
 * text into the one message box the select names (data-response-template-for),
 * without reloading the page. Text the officer already typed is kept: the template
 * is added after it. The select then returns to its prompt, so a template can be
 * inserted again.
 */
(function () {
    "use strict";

    function insertTemplate(select) {
        var option = select.options[select.selectedIndex];
        var text = option ? option.getAttribute("data-template-text") : "";
        var box = document.getElementById(select.getAttribute("data-response-template-for"));
        select.value = "";
        if (!text || !box) {
            return;
        }
        var typed = box.value.replace(/\s+$/, "");
        if (typed.indexOf(text) === -1) {
            box.value = typed ? typed + "\n\n" + text : text;
        }
        box.dispatchEvent(new Event("input", { bubbles: true }));
        box.focus();
        box.setSelectionRange(box.value.length, box.value.length);
    }

    document.addEventListener("change", function (event) {
        var select = event.target;
        if (select instanceof HTMLSelectElement && select.hasAttribute("data-response-template-for")) {
            insertTemplate(select);
        }
    });
})();
