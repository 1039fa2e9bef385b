"""Lookups of the Wagtail objects that migrations and demo loaders set up by name."""

from wagtail.models import Collection, Workflow


def active_workflow(name):
    """The active workflow called ``name``, or ``None`` when it was removed."""
    return Workflow.objects.filter(name=name, active=True).first()


def top_level_collection(name):
    """The top-level collection called ``name``, created on first use."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    return collection
