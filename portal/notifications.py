"""Emails to citizens and officers, sent by a background task after the data is saved.

Their links are built with :func:`portal.base_url.absolute_url` (or ``page_url``).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django_tasks import task


@task()
def send_email_task(recipients, subject, body):
    """Send one plain-text email; runs in the task worker."""
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


def notify(recipients, subject, template_name, context):
    """Queue an email rendered from ``template_name`` once the transaction commits.

    Recipients without an address are skipped, so callers can pass optional fields.
    """
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    body = render_to_string(template_name, context)
    subject = " ".join(str(subject).split())
    transaction.on_commit(lambda: send_email_task.enqueue(recipients, subject, body))
