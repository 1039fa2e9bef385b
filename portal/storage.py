from django.core.files.storage import storages


def private_storage():
    """Storage for citizens' files (report attachments, answer documents).

    It lies outside MEDIA_ROOT, so no web server serves it: files reach people only
    through views that check who may see them.
    """
    return storages["private"]
