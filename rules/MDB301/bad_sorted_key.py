# fixture: sample=shop
"""sorted() runs its key on every row: the lambda reads order.customer."""
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
    return [o.number for o in sorted(Order.objects.all(), key=lambda o: o.customer.name)]  # expect: MDB301
