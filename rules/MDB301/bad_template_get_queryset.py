# fixture: sample=shop
"""A ListView whose get_queryset() builds the rows and whose template (context_object_name
order_list) reads order.customer in a {% with %} on every row."""
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
class OrderList(ListView):
    template_name = "orders/order_with.html"  # expect: MDB301
    context_object_name = "order_list"

    def get_queryset(self):
        return Order.objects.filter(number__startswith="N")


def scenario():
    return normalized(get(OrderList.as_view()))
