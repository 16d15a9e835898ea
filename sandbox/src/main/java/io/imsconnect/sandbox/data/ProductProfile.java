package io.imsconnect.sandbox.data;

import java.util.Objects;

/**
 * An Admin Console product profile.
 *
 * @param name the profile name the association mask is applied to, e.g. {@code Campaign - acme - admin}
 * @param serviceCode the product's service code reported in the product context, e.g. {@code dma_campaign}
 */
public record ProductProfile(String name, String serviceCode) {

    public static final String DEFAULT_SERVICE_CODE = "dma_campaign";

    public ProductProfile {
        Objects.requireNonNull(name, "profile name cannot be null");
        serviceCode = serviceCode == null ? DEFAULT_SERVICE_CODE : serviceCode;
    }
}
