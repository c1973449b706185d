"""Which project a request is served in: the one whose domain is the request's host, else the
default project (an instance with one project serves it on every host)."""

from django.core.exceptions import DisallowedHost
from django.utils.functional import SimpleLazyObject

from content.scoping import activate
from content.site import default_project, project_for_host


def request_project(request):
    try:
        host = request.get_host().rsplit(":", 1)[0]
    except DisallowedHost:  # answered with a 400 further down, in the default project
        return default_project()
    return project_for_host(host)


class ProjectMiddleware:
    """Activates the request's project (request.project) while the request is handled: every
    project-owned query of the view, its templates and the middleware below is scoped to it.
    It is looked up when first needed: a health check or a static file asks nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.project = SimpleLazyObject(lambda: request_project(request))
        with activate(request.project):
            return self.get_response(request)
