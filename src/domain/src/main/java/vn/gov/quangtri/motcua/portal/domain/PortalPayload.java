package vn.gov.quangtri.motcua.portal.domain;

import vn.gov.quangtri.motcua.shared.domain.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.gov.quangtri.motcua.dossier.domain.Dossier;
import vn.gov.quangtri.motcua.dossier.domain.DossierEvent;
import vn.gov.quangtri.motcua.dossier.domain.DossierFile;
import vn.gov.quangtri.motcua.dossier.domain.FilePurpose;
import vn.gov.quangtri.motcua.shared.domain.VietnamTime;

/**
 * The message that tells the national portal about one event of a dossier (issue 15 §3; field names as observed in
 * portal integrations, docs/domain.md §7): the dossier as it stands after the event, the event itself with its
 * business time ({@code ThoiDiemSuKien}, when it happened, never when it was sent) and its recording time, and
 * {@code SoThuTu}, the message's place in the dossier's sequence (1, 2, …) by which the portal keeps the order.
 * Moments are {@code yyyyMMddHHmmss} in Vietnam time; a missing one is {@code null}.
 *
 * <p>Members: {@code MaHoSo}, {@code MaTTHC}, {@code TenTTHC}, {@code MaDonVi} (the unit's electronic identifier),
 * {@code TenDonVi}, {@code KenhThucHien} (1 direct, 2 online, 3 postal), {@code TrangThaiHoSo} (1–10, after the event),
 * {@code SuKien} (our action), {@code ThoiDiemSuKien}, {@code ThoiDiemGhiNhan}, {@code NgayNopHoSo},
 * {@code NgayTiepNhan}, {@code NgayHenTra} (the appointment, moved by supplement pauses), {@code NgayHenTraMoi} (after
 * an apology), {@code NgayKetThucXuLy}, {@code NgayTraKetQua}, {@code PhiLePhi} (VND, as the procedure states),
 * {@code DuocThanhToanTrucTuyen} (0: online payment is not recorded yet), {@code TaiLieuNop} (each current file:
 * {@code TenTepDinhKem}, {@code DuocSoHoa}, {@code DuocLayTuKhoDMQG} as 0/1), {@code MaKetQua} and
 * {@code TenTepKetQua} (the electronic result's number and file, when attached), {@code SoThuTu}.
 */
public final class PortalPayload {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
        .withZone(VietnamTime.ZONE);

    private PortalPayload() {
    }

    /**
     * The message of one event.
     *
     * @param d     the dossier after the change
     * @param e     the event, one of {@code d}'s history
     * @param seq   the message's number in the dossier's sequence, from 1
     * @param files the dossier's current files (not withdrawn), oldest first
     * @return compact JSON, members in a fixed order
     */
    public static String of(Dossier d, DossierEvent e, int seq, List<DossierFile> files) {
        JsonObjectBuilder m = JsonFactories.createObjectBuilder()
            .add("MaHoSo", d.code())
            .add("MaTTHC", d.snapshot().code())
            .add("TenTTHC", d.snapshot().name())
            .add("MaDonVi", d.receivingAgency().edocCode() == null ? d.receivingAgency().code()
                : d.receivingAgency().edocCode())
            .add("TenDonVi", d.receivingAgencyName())
            .add("KenhThucHien", d.channel().portalCode())
            .add("TrangThaiHoSo", e.toStatus().portalCode())
            .add("SuKien", e.action().name());
        moment(m, "ThoiDiemSuKien", e.occurredAt());
        moment(m, "ThoiDiemGhiNhan", e.recordedAt());
        moment(m, "NgayNopHoSo", d.submittedAt());
        moment(m, "NgayTiepNhan", d.clock().receivedAt());
        moment(m, "NgayHenTra", d.clock().dueAt());
        moment(m, "NgayHenTraMoi", d.clock().rescheduledDueAt());
        moment(m, "NgayKetThucXuLy", d.clock().completedAt());
        moment(m, "NgayTraKetQua", d.handOver().returnedAt());
        if (d.snapshot().feeVnd() == null) {
            m.addNull("PhiLePhi");
        } else {
            m.add("PhiLePhi", d.snapshot().feeVnd());
        }
        m.add("DuocThanhToanTrucTuyen", 0);
        JsonArrayBuilder docs = JsonFactories.createArrayBuilder();
        DossierFile result = null;
        for (DossierFile f : files) {
            if (f.withdrawn()) {
                continue;
            }
            if (f.purpose() == FilePurpose.RESULT) {
                result = f;
                continue;
            }
            docs.add(JsonFactories.createObjectBuilder().add("TenTepDinhKem", f.fileName().value())
                .add("DuocSoHoa", f.digitised() ? 1 : 0).add("DuocLayTuKhoDMQG", f.reused() ? 1 : 0));
        }
        m.add("TaiLieuNop", docs);
        if (result == null) {
            m.addNull("MaKetQua").addNull("TenTepKetQua");
        } else {
            if (result.documentNumber() == null) {
                m.addNull("MaKetQua");
            } else {
                m.add("MaKetQua", result.documentNumber());
            }
            m.add("TenTepKetQua", result.fileName().value());
        }
        m.add("SoThuTu", seq);
        return m.build().toString();
    }

    private static void moment(JsonObjectBuilder m, String key, Instant at) {
        if (at == null) {
            m.addNull(key);
        } else {
            m.add(key, MOMENT.format(at));
        }
    }
}
