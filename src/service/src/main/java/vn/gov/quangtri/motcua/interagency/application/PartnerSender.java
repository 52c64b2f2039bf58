package vn.gov.quangtri.motcua.interagency.application;

/**
 * Makes one call to a partner system. Implementations must bound the call with connect and read timeouts
 * and must not throw: every problem is a {@link DeliveryResult#failed failed} result.
 */
@FunctionalInterface
public interface PartnerSender {

    DeliveryResult send(Delivery delivery);
}
