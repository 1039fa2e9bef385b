from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def paginate(request, items, per_page, param="page"):
    """The requested page of ``items``; a bad or out-of-range number gives the
    nearest page."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(request.GET.get(param, 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
