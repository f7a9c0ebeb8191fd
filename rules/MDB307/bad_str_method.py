# fixture: sample=shop
"""str(order) runs Order.__str__, which reads order.customer: a lazy sync query inside async def."""
import asyncio

from orders.models import Customer, Order, OrderLine, Product

from mdblint.runtime.oracles import raises

ORACLE = raises("SynchronousOnlyOperation")


def setup(n):
    for i in range(n):
        customer = Customer.objects.create(name=f"Customer {i}")
        order = Order.objects.create(number=f"N{i:03}", customer=customer)
        for j in range(2):
            product = Product.objects.create(name=f"Product {i}.{j}", price=j + 1)
            OrderLine.objects.create(order=order, product=product, quantity=j + 1)


async def labels():
    return [str(order) async for order in Order.objects.all()]  # expect: MDB307


def scenario():
    return asyncio.run(labels())
