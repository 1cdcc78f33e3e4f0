/**
 * Implementation of the testing module. Not API: anything here may change in any release.
 */
package dev.kubefluent.testing.internal;
