from wagtail import hooks

from home.views import refuse_dikecualikan_document

hooks.register("before_serve_document", refuse_dikecualikan_document)
