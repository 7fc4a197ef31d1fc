namespace ElectionSystem.Server.Features.Auth;

/// <summary>
/// Who may do what. Each staff account has exactly one role; displays (by display key) and delegate
/// tablets (by badge or code + PIN) authenticate as a role too. Use the comma-joined sets in <c>[Authorize(Roles = …)]</c>
/// and <c>RequireAuthorization(Roles.Require(…))</c> so the endpoint-enumeration test can read them.
/// </summary>
public static class Roles
{
    /// <summary>Ban Tổ chức: congress setup, imports, badges, accounts, display keys.</summary>
    public const string Organiser = "organiser";

    /// <summary>Đoàn Chủ tịch.</summary>
    public const string Presidium = "presidium";

    /// <summary>Ban Kiểm phiếu.</summary>
    public const string CountingCommittee = "counting-committee";

    /// <summary>Staff at the check-in desks.</summary>
    public const string CheckInStaff = "checkin-staff";

    /// <summary>A screen opened with a display key (projector).</summary>
    public const string Display = "display";

    /// <summary>
    /// Kỹ thuật viên nhập phiếu của Ban Kiểm phiếu: technical staff who key in paper ballots at an
    /// entry station (DOMAIN.md §1, §6). Sees only their own entries.
    /// </summary>
    public const string EntryOperator = "entry-operator";

    /// <summary>A delegate on a tablet (reserved: comes with open votes).</summary>
    public const string Delegate = "delegate";

    /// <summary>Roles a person's account can hold.</summary>
    public static readonly IReadOnlyList<string> AccountRoles = [Organiser, Presidium, CountingCommittee, CheckInStaff, EntryOperator];

    /// <summary>Every role, for tests and validation.</summary>
    public static readonly IReadOnlyList<string> All = [Organiser, Presidium, CountingCommittee, CheckInStaff, EntryOperator, Display, Delegate];

    /// <summary>
    /// The check-in desk: check-in staff only. The organiser resets PINs and reissues badges, so it
    /// must not also be able to mark a delegate present (ADR 0010).
    /// </summary>
    public const string CheckInDesk = CheckInStaff;
    public const string Staff = Organiser + "," + Presidium + "," + CountingCommittee + "," + CheckInStaff;
    public const string StaffAndDisplays = Staff + "," + Display;

    /// <summary>Vietnamese name of a role, for screens.</summary>
    public static string DisplayNameVi(string role) => role switch
    {
        Organiser => "Ban Tổ chức",
        Presidium => "Đoàn Chủ tịch",
        CountingCommittee => "Ban Kiểm phiếu",
        CheckInStaff => "Điểm danh đại biểu",
        EntryOperator => "Kỹ thuật viên nhập phiếu của Ban Kiểm phiếu",
        Display => "Màn hình",
        Delegate => "Đại biểu",
        _ => role,
    };
}
