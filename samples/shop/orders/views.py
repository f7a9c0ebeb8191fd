"""Shop views: listings that run the models' display code on every row."""
from orders.display import customer_label
from orders.models import Order


def order_labels():
    return [str(order) for order in Order.objects.all()]  # expect: MDB301


def order_labels_joined():
    return [customer_label(order) for order in Order.objects.select_related("customer")]


def orders_by_customer():
    return sorted(Order.objects.all(), key=lambda o: o.customer_name)  # expect: MDB301


def order_totals():
    return {order.number: order.total() for order in Order.objects.prefetch_related("lines__product")}
