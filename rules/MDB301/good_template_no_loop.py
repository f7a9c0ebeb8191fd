# fixture: sample=shop
"""The template counts the orders and reads the first one: no loop over the rows."""
from django.shortcuts import render
from orders.models import Customer, Order, OrderLine, Product

from mdblint.runtime.oracles import queries_grow
from mdblint.runtime.views import get, normalized


def setup(n):
    for i in range(n):
        order = Order.objects.create(number=f"N{i:03}", customer=Customer.objects.create(name=f"Customer {i}"))
        OrderLine.objects.create(order=order, product=Product.objects.create(name=f"P{i}"), quantity=i + 1)


def order_summary(request):
    return render(request, "orders/order_summary.html", {"order_list": Order.objects.all()})


def scenario():
    return normalized(get(order_summary))
