/**
 * ProGuard and R8 mapping files: {@link dev.faultline.core.proguard.ProguardMapping}
 * reads one (classes, fields, methods with their obfuscated and original line ranges,
 * inlined methods, R8's {@code # {"id":…}} metadata) and retraces an obfuscated class
 * name or stack frame into the original ones;
 * {@link dev.faultline.core.proguard.MappingUuid} computes the UUID sentry-cli and the
 * SDKs name a mapping by.
 */
@NullMarked
package dev.faultline.core.proguard;

import org.jspecify.annotations.NullMarked;
