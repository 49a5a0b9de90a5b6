/** Small CSV exports in each format, as the tools write them, for the import's tests. */

export const LINKEDIN_CSV = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Dana,Reyes,https://www.linkedin.com/in/danareyes,dana@acme.com,"Acme, Inc.",CTO,12 Mar 2024',
  'Sam,Patel,https://www.linkedin.com/in/sampatel,,Globex,Head of Data,01 Feb 2023',
].join('\r\n');

export const GOOGLE_CSV = [
  'First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value',
  'Jo,,Lee,,,,,,,,Initech,Engineering Manager,,,"Met at PGConf\nwants a migration",,* myContacts,* Work,jo@initech.com,Mobile,+44 7700 900123',
].join('\n');

export const GENERIC_CSV = 'Name,Email,Company,Title\nAna Müller,ana@example.de,Example GmbH,Data platform rebuild\n';
