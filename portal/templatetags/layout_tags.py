"""Layout pieces shared by every public template."""

from django import template
from django.template.base import token_kwargs
from django.utils.html import format_html

register = template.Library()


class TableScrollNode(template.Node):
    def __init__(self, nodelist, label):
        self.nodelist = nodelist
        self.label = label

    def render(self, context):
        return format_html(
            '<div class="table-scroll" tabindex="0" role="region" aria-label="{}">'
            "{}</div>",
            self.label.resolve(context),
            self.nodelist.render(context),
        )


@register.tag
def table_scroll(parser, token):
    """``{% table_scroll label=caption %}<table>…</table>{% endtable_scroll %}``.

    A table wider than a phone scrolls sideways inside its own region, so the page
    itself never does; the region is focusable (keyboard users scroll it with the
    arrow keys) and named by ``label`` for screen readers.
    """
    bits = token.split_contents()
    kwargs = token_kwargs(bits[1:], parser)
    if set(kwargs) != {"label"} or len(bits) != 2:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes exactly one argument: label=…"
        )
    nodelist = parser.parse(("endtable_scroll",))
    parser.delete_first_token()
    return TableScrollNode(nodelist, kwargs["label"])
