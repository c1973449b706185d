from django import template

from workspace.services import reason_display

register = template.Library()


@register.filter
def history_reason(reason):
    """A history entry's stored (English) reason in the page's language."""
    return reason_display(reason)
