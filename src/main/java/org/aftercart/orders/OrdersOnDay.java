package org.aftercart.orders;

import java.time.LocalDate;

/** Orders placed on one day, from every channel, including those cancelled since. */
public record OrdersOnDay(LocalDate day, long orders) {}
