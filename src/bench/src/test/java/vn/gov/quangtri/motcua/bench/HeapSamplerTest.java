package vn.gov.quangtri.motcua.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Parsing of the two heap sources. */
class HeapSamplerTest {

    /** G1's line of {@code jcmd GC.heap_info}: 213,453 KiB = 218,575,872 bytes. */
    @Test
    void jcmdHeapInfo() throws Exception {
        String out = "12345:\n garbage-first heap   total 401408K, used 213453K [0x00000000e0000000, 0x0000000100000000)\n"
            + "  region size 1024K, 95 young (97280K), 7 survivors (7168K)\n Metaspace       used 150000K";
        assertEquals(213_453L * 1024, HeapSampler.parseJcmd(out));
    }

    /** Payara's MicroProfile Metrics 5 line (scope label, scientific notation). */
    @Test
    void microProfileMetrics() throws Exception {
        String body = "# TYPE memory_usedHeap_bytes gauge\nmemory_usedHeap_bytes{mp_scope=\"base\"} 2.0971520E8\n"
            + "memory_maxHeap_bytes{mp_scope=\"base\"} 5.36870912E8\n";
        assertEquals(209_715_200L, HeapSampler.parseMetrics(body));
    }
}
