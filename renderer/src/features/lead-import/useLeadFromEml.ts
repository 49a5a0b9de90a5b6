import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { EML_MAX_BYTES } from '../../../../shared/lead-import/email';
import { useApiMutation } from '../../api/hooks';
import { readAsBase64 } from '../../components/uploads';

/** Whether a dropped or chosen file is an email saved as .eml (by name, or by type where the OS gives one). */
export const isEmlFile = (file: File) => /\.eml$/i.test(file.name) || file.type === 'message/rfc822';

/**
 * Creates a lead from an .eml file through leadImport.fromEml and opens it. A file that is not an
 * email or is too big gets a notice and creates nothing; main checks the bytes again.
 */
export function useLeadFromEml() {
  const navigate = useNavigate();
  const fromEml = useApiMutation('leadImport.fromEml');
  const importEml = async (file: File) => {
    if (!isEmlFile(file)) return notifications.show({ color: 'red', message: `${file.name} is not an email file (.eml). Save the message from your mail app as .eml and drop it again.` });
    if (file.size > EML_MAX_BYTES) return notifications.show({ color: 'red', message: 'This email file is larger than 5 MB. Save the message without its attachments and try again.' });
    fromEml.mutate(
      { fileName: file.name, dataBase64: await readAsBase64(file) },
      {
        onSuccess: (lead) => {
          notifications.show({ color: 'teal', message: `Created the lead “${lead.title}” from the email.` });
          void navigate(`/leads/${lead.id}`);
        },
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );
  };
  return { importEml, pending: fromEml.isPending };
}
