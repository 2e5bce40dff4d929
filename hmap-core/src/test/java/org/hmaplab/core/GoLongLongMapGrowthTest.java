package org.hmaplab.core;

/** The growth contract ({@link AbstractGoGrowthContract}) for {@code GoLongLongMap}. */
class GoLongLongMapGrowthTest extends AbstractGoGrowthContract {
    @Override
    ClassicMapUnderTest.Kind kind() {
        return ClassicMapUnderTest.Kind.LONG_LONG;
    }
}
