# fixture: sample=shop
"""Order.__str__ reads order.customer, selected with the rows: no query inside async def."""
import asyncio

from orders.models import Customer, Order, OrderLine, Product


def setup(n):
    for i in range(n):
        customer = Customer.objects.create(name=f"Customer {i}")
        order = Order.objects.create(number=f"N{i:03}", customer=customer)
        for j in range(2):
            product = Product.objects.create(name=f"Product {i}.{j}", price=j + 1)
            OrderLine.objects.create(order=order, product=product, quantity=j + 1)


async def labels():
    return [str(order) async for order in Order.objects.select_related("customer")]


def scenario():
    return asyncio.run(labels())


def check(labels):
    return all(" for Customer " in label for label in labels)
