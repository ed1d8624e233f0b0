from django.conf import settings


def site_context(request):
    return {
        "DISCREET_MODE": settings.DISCREET_MODE,
        "QUICK_EXIT_URL": settings.QUICK_EXIT_URL,
    }
