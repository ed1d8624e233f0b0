from django.http import Http404
from wagtail import hooks


@hooks.register("before_serve_page")
def private_pages_are_not_found(page, request, serve_args, serve_kwargs):
    """A restricted page the visitor may not see is a 404, not a login prompt: its address
    should not even tell that it exists."""
    for restriction in page.get_view_restrictions():
        if not restriction.accept_request(request):
            raise Http404
