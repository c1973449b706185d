"""E-mail off the request: written in the recipient's language, stored with the caller's
transaction, handed to the task worker once it commits, and tried again with a growing delay.

Every mail of the portal goes through send_mail_later(); the worker (`manage.py db_worker`) runs
deliver_mail. A mail whose every attempt failed is shown to coordinators in the admin, with
the error and an action to send it again.
"""

import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

try:  # Django 6 has the tasks API; on Django 5.2 the django-tasks backport provides it.
    from django.tasks import task
except ImportError:
    from django_tasks import task

from . import languages
from .models import Mail
from .site import current_project

logger = logging.getLogger(__name__)


def send_mail_later(template, to, language, context, reply_to="", headers=None, attachments=None):
    """Queue one mail to one address, in `language` (the portal's main language if that is not
    a content language), from the templates mail/<template>_subject.txt, mail/<template>.txt
    and mail/<template>.html; returns the Mail, or None when there is no address. The context
    may hold model instances: their translated fields are read in `language`. `headers` are
    extra headers; `attachments` are text files, (filename, content, mimetype) each.

    The mail is rendered now and saved in the caller's transaction; the task that sends it is
    enqueued once that transaction commits. A rolled-back decision sends nothing, and no mail
    server's failure reaches the caller.
    """
    if not to:
        return None
    if language not in languages.codes():
        language = settings.LANGUAGE_CODE
    context = {"identity": current_project(), **context}
    with translation.override(language):
        subject = _one_line(render_to_string(f"mail/{template}_subject.txt", context))
        body = render_to_string(f"mail/{template}.txt", context).strip()
        html = render_to_string(f"mail/{template}.html", {**context, "subject": subject})
    mail = Mail.objects.create(
        template=template,
        to=to,
        reply_to=reply_to,
        language=language,
        subject=subject,
        body=body,
        html=html,
        headers=headers or {},
        attachments=[
            {"filename": name, "content": content, "mimetype": mimetype}
            for name, content, mimetype in attachments or ()
        ],
    )
    transaction.on_commit(partial(_enqueue, mail.pk), robust=True)
    return mail


def send_again(mails):
    """Queue these mails again, unless sent, for a new series of attempts; returns how many."""
    ids = mails.requeue()
    for mail_id in ids:
        transaction.on_commit(partial(_enqueue, mail_id), robust=True)
    return len(ids)


@task()
def deliver_mail(mail_id):
    """Send a queued mail once. On failure the next attempt is enqueued to run after the delay
    the mail records; after the last attempt the mail is failed and the task fails with it."""
    mail = Mail.objects.filter(pk=mail_id).first()
    if mail is None or not mail.claim():
        return  # deleted, sent already, or being sent by another worker
    try:
        mail.message().send()
    except Exception as error:  # any error of any mail backend: recorded on the mail
        mail.record_failure(error)
        if mail.status == Mail.Status.FAILED:
            logger.error(
                "Gave up sending mail %s (%s) to %s after %d attempts: %s",
                mail.pk,
                mail.template,
                mail.to,
                mail.attempts,
                mail.error,
            )
            raise
        logger.warning(
            "Could not send mail %s (%s) to %s, attempt %d: %s; trying again at %s",
            mail.pk,
            mail.template,
            mail.to,
            mail.attempts,
            mail.error,
            mail.next_attempt_at.isoformat(),
        )
        _enqueue(mail.pk, run_after=mail.next_attempt_at)
    else:
        mail.record_sent()


def _enqueue(mail_id, run_after=None):
    deliver_mail.using(run_after=run_after).enqueue(mail_id)


def _one_line(text):
    """The text with its line breaks made spaces: a mail header with one cannot be sent."""
    return " ".join(text.split())
