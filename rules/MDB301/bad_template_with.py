# fixture: sample=shop
"""render_to_string() of a template whose {% with customer=order.customer %} reads the key on
every row (orders/templates/orders/order_with.html)."""
from django.template.loader import render_to_string
from orders.models import Customer, Order, OrderLine, Product

from mdblint.runtime.oracles import queries_grow
from mdblint.runtime.views import get, normalized

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        order = Order.objects.create(number=f"N{i:03}", customer=Customer.objects.create(name=f"Customer {i}"))
        OrderLine.objects.create(order=order, product=Product.objects.create(name=f"P{i}"), quantity=i + 1)


def scenario():
    context = {"title": "Orders"}
    context["order_list"] = Order.objects.order_by("number")
    return normalized(render_to_string("orders/order_with.html", context))  # expect: MDB301
