# fixture: sample=shop
"""order.customer_label keeps its value on the instance (`if getattr(self, "_customer_label",
None) is None: ...`), but every order fresh from the queryset runs the body once: one customer
query per order, reported at the property. The loop's own order.customer after it is cached on
the row (the property read it), so it is not a second finding."""
from orders.models import Customer, Order

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        Order.objects.create(number=f"N{i:03}", customer=Customer.objects.create(name=f"Customer {i}"))


# fix: select_related("customer")
def scenario():
    labels = []
    for order in Order.objects.all():
        labels.append(order.customer_label)  # expect: MDB301
        labels.append(order.customer.name)
    return labels
