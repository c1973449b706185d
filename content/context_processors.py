from django.utils.functional import SimpleLazyObject, lazy

from .site import LegalPage, current_project


def site_identity(request):
    """The project's identity in every template (`identity`, and its short name as
    `portal_name`), and the legal pages every footer links. Read when a template first uses
    it, so a response without the page layout (the sitemap) does not look it up."""
    identity = SimpleLazyObject(current_project)
    return {
        "identity": identity,
        "portal_name": lazy(lambda: identity.acronym, str)(),
        "legal_kinds": LegalPage.Kind,
    }
