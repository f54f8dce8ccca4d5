package org.aftercart.orders;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface OrderRepository extends CrudRepository<Order, UUID> {

    Optional<Order> findByNumber(String number);

    @Query("select * from orders.orders where channel = :channel and external_ref = :externalRef")
    Optional<Order> findByChannelAndExternalRef(String channel, String externalRef);
}
