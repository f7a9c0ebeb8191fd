# fixture: sample=shop
"""The template reads order.customer_id, the key'\''s own column: no query per row."""
from django.shortcuts import render
from orders.models import Customer, Order, OrderLine, Product

from mdblint.runtime.oracles import queries_grow
from mdblint.runtime.views import get, normalized


def setup(n):
    for i in range(n):
        order = Order.objects.create(number=f"N{i:03}", customer=Customer.objects.create(name=f"Customer {i}"))
        OrderLine.objects.create(order=order, product=Product.objects.create(name=f"P{i}"), quantity=i + 1)


def order_list(request):
    return render(request, "orders/order_customer_ids.html", {"order_list": Order.objects.all()})


def scenario():
    return normalized(get(order_list))
