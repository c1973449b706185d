from django.utils.functional import SimpleLazyObject, lazy

from .site import LegalPage, current_project, is_programme


def site_identity(request):
    """The project's identity in every template (`identity`, and its short name as
    `portal_name`), the legal pages every footer links, and whether the instance serves a
    programme of several projects (`is_programme`: the footer then links the programme's
    pages). Read when a template first uses them, so a response without the page layout (the
    sitemap) does not look them up."""
    identity = SimpleLazyObject(current_project)
    return {
        "identity": identity,
        "portal_name": lazy(lambda: identity.acronym, str)(),
        "legal_kinds": LegalPage.Kind,
        "is_programme": SimpleLazyObject(is_programme),
    }
