/**
 * The association-mask preview: a mask (typed, or an account's saved one) tried on product-profile names
 * before it is saved, through the same mapping that decides sign-ins. At most 1,000 profile names; an invalid
 * mask is a 400 on {@code mask} with the error's {@code position} in the pattern.
 */
package io.imsconnect.server.preview;
