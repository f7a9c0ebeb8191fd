# fixture: sample=shop
"""A template loops over each order'\''s lines ({% for line in order.lines.all %}): one query
per order (orders/templates/orders/order_lines.html)."""
from django.shortcuts import render
from orders.models import Customer, Order, OrderLine, Product

from mdblint.runtime.oracles import queries_grow
from mdblint.runtime.views import get, normalized

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        order = Order.objects.create(number=f"N{i:03}", customer=Customer.objects.create(name=f"Customer {i}"))
        OrderLine.objects.create(order=order, product=Product.objects.create(name=f"P{i}"), quantity=i + 1)


# fix: prefetch_related("lines")
def order_lines(request):
    return render(request, "orders/order_lines.html", {"order_list": Order.objects.all()})  # expect: MDB302


def scenario():
    return normalized(get(order_lines))
