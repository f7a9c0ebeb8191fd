# fixture: sample=shop
"""A ListView with no template_name renders orders/order_list.html (Django'\''s default,
<app_label>/<model_name>_list.html) with the queryset as order_list: order.customer per row."""
from django.views.generic import ListView
from orders.models import Customer, Order, OrderLine, Product

from mdblint.runtime.oracles import queries_grow
from mdblint.runtime.views import get, normalized

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        order = Order.objects.create(number=f"N{i:03}", customer=Customer.objects.create(name=f"Customer {i}"))
        OrderLine.objects.create(order=order, product=Product.objects.create(name=f"P{i}"), quantity=i + 1)


# fix: select_related("customer")
class OrderList(ListView):  # expect: MDB301
    queryset = Order.objects.all()


def scenario():
    return normalized(get(OrderList.as_view()))
