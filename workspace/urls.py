from django.urls import path

from . import attendance, passkeys, views

app_name = "workspace"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("two-factor/", views.TwoFactorSetupView.as_view(), name="two-factor"),
    path("two-factor/recovery-codes/", views.RecoveryCodesView.as_view(), name="recovery-codes"),
    path("passkeys/", views.PasskeysView.as_view(), name="passkeys"),
    path("passkeys/<int:pk>/delete/", views.PasskeyDeleteView.as_view(), name="passkey-delete"),
    path(
        "passkeys/register/begin/",
        passkeys.RegisterBeginView.as_view(),
        name="passkey-register-begin",
    ),
    path(
        "passkeys/register/complete/",
        passkeys.RegisterCompleteView.as_view(),
        name="passkey-register-complete",
    ),
    path("passkeys/login/begin/", passkeys.LoginBeginView.as_view(), name="passkey-login-begin"),
    path(
        "passkeys/admin-login/begin/",
        passkeys.AdminLoginBeginView.as_view(),
        name="passkey-admin-login-begin",
    ),
    path("visits/new/", views.EventFormView.as_view(), name="event-create"),
    path("visits/<int:pk>/", views.EventDetailView.as_view(), name="event-detail"),
    path("visits/<int:pk>/edit/", views.EventFormView.as_view(), name="event-update"),
    path("visits/<int:pk>/submit/", views.SubmitView.as_view(kind="event"), name="event-submit"),
    path(
        "visits/<int:pk>/photos/<int:photo_pk>/caption/",
        views.PhotoCaptionView.as_view(),
        name="photo-update",
    ),
    path(
        "visits/<int:pk>/photos/<int:photo_pk>/delete/",
        views.PhotoDeleteView.as_view(),
        name="photo-delete",
    ),
    path("events/<int:pk>/attendance/", attendance.AttendanceView.as_view(), name="attendance"),
    path(
        "events/<int:pk>/attendance/<int:registration_pk>/check-in/",
        attendance.CheckInView.as_view(),
        name="check-in",
    ),
    path("events/<int:pk>/attendance/add/", attendance.WalkInView.as_view(), name="walk-in"),
    path(
        "events/<int:pk>/attendance/sheet/",
        attendance.SignInSheetView.as_view(),
        name="sign-in-sheet",
    ),
    path(
        "events/<int:pk>/attendance/export.<str:fmt>",
        attendance.AttendanceExportView.as_view(),
        name="attendance-export",
    ),
    path("practices/new/", views.PracticeFormView.as_view(), name="practice-create"),
    path("practices/<int:pk>/", views.PracticeDetailView.as_view(), name="practice-detail"),
    path("practices/<int:pk>/edit/", views.PracticeFormView.as_view(), name="practice-update"),
    path(
        "practices/<int:pk>/submit/",
        views.SubmitView.as_view(kind="practice"),
        name="practice-submit",
    ),
]
