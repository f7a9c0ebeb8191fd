"""Views in fixtures: call a view with a GET request, as Django's handler would, and render its
response (a TemplateResponse renders lazily: its template runs here, with the queries counted).

    from mdblint.runtime.views import get
    def scenario():
        return get(OrderList.as_view())

Runs in the runtime subprocess only (Django configured by the harness)."""


def get(view, path="/", **kwargs):
    """The rendered body of `view(request, **kwargs)` for a GET of `path`, as text."""
    from django.test import RequestFactory

    response = view(RequestFactory().get(path), **kwargs)
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    return response.content.decode()


def normalized(text):
    """`text` with whitespace runs folded (templates' indentation is not part of a result)."""
    return " ".join(text.split())
