# fixture: sample=shop
"""A template of TEMPLATES["DIRS"] (templates/shop/order_totals.html) counts each order'\''s
lines with {{ order.lines.count }}: one query per order."""
from django.template.loader import render_to_string
from orders.models import Customer, Order, OrderLine, Product

from mdblint.runtime.oracles import queries_grow
from mdblint.runtime.views import get, normalized

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        order = Order.objects.create(number=f"N{i:03}", customer=Customer.objects.create(name=f"Customer {i}"))
        OrderLine.objects.create(order=order, product=Product.objects.create(name=f"P{i}"), quantity=i + 1)


# fix: prefetch_related("lines")
def scenario():
    return normalized(render_to_string("shop/order_totals.html", {"orders": Order.objects.all()}))  # expect: MDB302
