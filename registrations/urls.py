from django.urls import path

from . import views

app_name = "registrations"
urlpatterns = [
    path("<slug:slug>/register/", views.RegisterView.as_view(), name="register"),
    path(
        "<slug:slug>/register/confirm/<str:token>/",
        views.ConfirmView.as_view(),
        name="confirm",
    ),
    path("<slug:slug>/registration/<str:token>/", views.ManageView.as_view(), name="manage"),
]
