# fixture: sample=shop
""""{}".format(order) runs Order.__str__ (object.__format__ calls str()), which reads
order.customer ("%s" % order: bad_percent_format.py)."""
from orders.models import Customer, Order, OrderLine, Product, Profile

from mdblint.runtime.oracles import queries_grow

ORACLE = queries_grow()


def setup(n):
    for i in range(n):
        customer = Customer.objects.create(name=f"Customer {i}")
        Profile.objects.create(customer=customer, bio=f"Bio {i}")
        order = Order.objects.create(number=f"N{i:03}", customer=customer)
        for j in range(2):
            product = Product.objects.create(name=f"Product {i}.{j}", price=j + 1)
            OrderLine.objects.create(order=order, product=product, quantity=j + 1)


# fix: select_related("customer")
def scenario():
    labels = []
    for order in Order.objects.all():
        labels.append("{}".format(order))  # expect: MDB301
    return labels
