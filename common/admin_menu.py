from wagtail.admin.menu import MenuItem


class MenuItemFor(MenuItem):
    """An admin menu item shown only to the users `shown_to(user)` admits (the same check
    guards the views it links to)."""

    def __init__(self, label, url, *, shown_to, **kwargs):
        super().__init__(label, url, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)
