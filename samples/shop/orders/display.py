"""Display helpers for the shop's views, in a module of their own."""
from orders.models import OrderLine


def customer_label(order):
    return f"{order.number}: {order.customer.name}"


def order_label(order):
    return order.number


def product_line(line):
    return f"{line.product.name} ({line.order.number})"


def open_lines(order):
    return OrderLine.objects.filter(order=order).count()


def mark_seen(order, save=False):
    """Marks the order; writes it only when asked to (the caller usually saves in bulk)."""
    order.note = "seen"
    if save:
        order.save(update_fields=["note"])
