/**
 * External-account settings (IMS or any OpenID Connect provider) and the rules they must meet
 * before they are saved.
 */
package io.imsconnect.core.account;
